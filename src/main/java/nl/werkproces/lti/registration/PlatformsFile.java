package nl.werkproces.lti.registration;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the platforms file ({@code lti.platforms-file}): a YAML list of platform registrations, see
 * {@code lti-config/platforms.example.yaml}. Every problem names the file, the entry and the field.
 */
public final class PlatformsFile {

	private static final List<String> FIELDS = List.of("name", "issuer", "client-id", "authorization-endpoint",
			"token-endpoint", "jwks-uri", "deployment-ids");

	private PlatformsFile() {
	}

	public static List<PlatformSettings> read(Path file) {
		Object root;
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
		}
		catch (IOException ex) {
			throw new PlatformsFileException(file, null, null, "cannot be read (" + ex.getClass().getSimpleName() + ")");
		}
		catch (YAMLException ex) {
			throw new PlatformsFileException(file, null, null, "is not valid YAML: " + firstLine(ex.getMessage()));
		}
		if (!(root instanceof Map<?, ?> map) || !(map.get("platforms") instanceof List<?> entries)) {
			throw new PlatformsFileException(file, null, "platforms", "must contain a list 'platforms'");
		}
		List<PlatformSettings> result = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (int i = 0; i < entries.size(); i++) {
			String entryName = "entry " + (i + 1);
			if (!(entries.get(i) instanceof Map<?, ?> entry)) {
				throw new PlatformsFileException(file, entryName, null, "must be a mapping of the platform's fields");
			}
			if (entry.get("name") instanceof String name && !name.isBlank()) {
				entryName = entryName + " ('" + name + "')";
			}
			PlatformSettings settings = readEntry(file, entryName, entry);
			if (!seen.add(settings.issuer() + " " + settings.clientId())) {
				throw new PlatformsFileException(file, entryName, "client-id",
						"repeats issuer and client-id of an earlier entry");
			}
			result.add(settings);
		}
		return result;
	}

	private static PlatformSettings readEntry(Path file, String entryName, Map<?, ?> entry) {
		for (Object key : entry.keySet()) {
			if (!FIELDS.contains(String.valueOf(key))) {
				throw new PlatformsFileException(file, entryName, String.valueOf(key),
						"is not a known field (known: " + String.join(", ", FIELDS) + ")");
			}
		}
		String name = text(file, entryName, entry, "name");
		String issuer = text(file, entryName, entry, "issuer");
		url(file, entryName, "issuer", issuer);
		String clientId = text(file, entryName, entry, "client-id");
		String authorization = url(file, entryName, "authorization-endpoint",
				text(file, entryName, entry, "authorization-endpoint"));
		String token = url(file, entryName, "token-endpoint", text(file, entryName, entry, "token-endpoint"));
		String jwks = url(file, entryName, "jwks-uri", text(file, entryName, entry, "jwks-uri"));
		if (!(entry.get("deployment-ids") instanceof List<?> ids) || ids.isEmpty()) {
			throw new PlatformsFileException(file, entryName, "deployment-ids",
					"must be a non-empty list, for example [\"1\"]");
		}
		Set<String> deploymentIds = new LinkedHashSet<>();
		for (Object id : ids) {
			if (id == null || String.valueOf(id).isBlank() || id instanceof Map || id instanceof List) {
				throw new PlatformsFileException(file, entryName, "deployment-ids", "contains an empty or invalid id");
			}
			deploymentIds.add(String.valueOf(id).trim());
		}
		return new PlatformSettings(name, issuer, clientId, authorization, token, jwks, deploymentIds);
	}

	private static String text(Path file, String entryName, Map<?, ?> entry, String field) {
		Object value = entry.get(field);
		if (value == null || value instanceof Map || value instanceof List || String.valueOf(value).isBlank()) {
			throw new PlatformsFileException(file, entryName, field, "is missing or empty");
		}
		String text = String.valueOf(value).trim();
		if (text.length() > 255 && !field.endsWith("endpoint") && !field.equals("jwks-uri")) {
			throw new PlatformsFileException(file, entryName, field, "is longer than 255 characters");
		}
		return text;
	}

	private static String url(Path file, String entryName, String field, String value) {
		if (isHttpUrl(value)) {
			return value;
		}
		throw new PlatformsFileException(file, entryName, field, "must be an http(s) URL, got '" + value + "'");
	}

	/** An absolute http(s) URL with a host, at most 1024 characters. */
	static boolean isHttpUrl(String value) {
		try {
			URI uri = new URI(value);
			return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
					&& value.length() <= 1024;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static String firstLine(String message) {
		return (message != null) ? message.lines().findFirst().orElse("") : "";
	}

}
