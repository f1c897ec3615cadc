package nl.werkproces.lti.demo;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nl.werkproces.lti.ags.LineItem;
import nl.werkproces.lti.launch.SecureTokens;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The activities of the demo course, in the database (table {@code demo_activity}) so that the course survives a
 * restart and all replicas see one course: one made by hand from the start (no custom values, so the teacher chooses
 * its werkproces on first launch) and those the tool creates through Deep Linking, each with its gradebook column.
 * A deep-linked resource link id carries the row's id and a random part, so it is never handed out twice, not after a
 * restart and not by another replica.
 */
@Component
@ConditionalOnProperty(name = "lti.demo.enabled", havingValue = "true")
class DemoActivities {

	private static final TypeReference<LinkedHashMap<String, String>> CUSTOM = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final DemoGradebook gradebook;

	private final JsonMapper json;

	DemoActivities(JdbcClient jdbc, DemoGradebook gradebook, JsonMapper json) {
		this.jdbc = jdbc;
		this.gradebook = gradebook;
		this.json = json;
	}

	List<DemoActivity> all() {
		return this.jdbc.sql("SELECT resource_link_id, title, custom_json, line_item_id FROM demo_activity ORDER BY id")
			.query(this::activity)
			.list();
	}

	Optional<DemoActivity> find(String resourceLinkId) {
		return this.jdbc
			.sql("SELECT resource_link_id, title, custom_json, line_item_id FROM demo_activity WHERE resource_link_id = ?")
			.param(resourceLinkId)
			.query(this::activity)
			.optional();
	}

	/** Adds a deep-linked resource link with its line item, as Moodle does when the teacher saves the activity. */
	@Transactional
	DemoActivity add(String title, Map<String, String> custom, Double scoreMaximum, String label, String resourceId,
			String tag) {
		// the id is only known after the insert: a unique placeholder first, then the final resource link id
		String placeholder = "pending-" + SecureTokens.next();
		int lineItemId = this.gradebook
			.create(new LineItem(null, (label != null) ? label : title, (scoreMaximum != null) ? scoreMaximum : 100.0,
					resourceId, tag, placeholder))
			.id();
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO demo_activity (resource_link_id, title, custom_json, line_item_id) VALUES (?, ?, ?, ?)")
			.params(placeholder, title, this.json.writeValueAsString(custom), lineItemId)
			.update(keys, "id");
		String resourceLinkId = "demo-activity-" + keys.getKey().longValue() + "-"
				+ UUID.randomUUID().toString().substring(0, 8);
		this.jdbc.sql("UPDATE demo_activity SET resource_link_id = ? WHERE resource_link_id = ?")
			.params(resourceLinkId, placeholder)
			.update();
		this.gradebook.linkResource(lineItemId, resourceLinkId);
		return new DemoActivity(resourceLinkId, title, Map.copyOf(custom), lineItemId);
	}

	/**
	 * New content chosen for an existing activity, as Moodle stores it when a teacher edits the activity and selects
	 * content again: the title and custom values change, the resource link id and gradebook column stay (the column
	 * takes the new title). Empty when there is no such activity.
	 */
	@Transactional
	Optional<DemoActivity> replaceContent(String resourceLinkId, String title, Map<String, String> custom) {
		Optional<DemoActivity> existing = find(resourceLinkId);
		if (existing.isEmpty()) {
			return Optional.empty();
		}
		this.jdbc.sql("UPDATE demo_activity SET title = ?, custom_json = ? WHERE resource_link_id = ?")
			.params(title, this.json.writeValueAsString(custom), resourceLinkId)
			.update();
		this.gradebook.rename(existing.get().lineItemId(), title);
		return find(resourceLinkId);
	}

	private DemoActivity activity(ResultSet row, int number) throws SQLException {
		Map<String, String> custom = this.json.readValue(row.getString("custom_json"), CUSTOM);
		return new DemoActivity(row.getString("resource_link_id"), row.getString("title"), Map.copyOf(custom),
				row.getInt("line_item_id"));
	}

	/** A resource link of the demo course. */
	record DemoActivity(String resourceLinkId, String title, Map<String, String> custom, int lineItemId) {

	}

}
