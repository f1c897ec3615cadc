package nl.werkproces.lti.admin;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** The tool's administrators, with BCrypt password hashes; all have the role {@code TOOL_ADMIN}. */
@Service
public class AdminUsers implements UserDetailsService {

	static final String ROLE = "TOOL_ADMIN";

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final Clock clock;

	AdminUsers(JdbcClient jdbc, PasswordEncoder encoder, Clock clock) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return hash(username).map((hash) -> User.withUsername(username).password(hash).roles(ROLE).build())
			.orElseThrow(() -> new UsernameNotFoundException("no such admin"));
	}

	/** Creates the admin or sets its password; a password that already matches leaves the row alone. */
	void createOrUpdate(String username, String password) {
		Optional<String> existing = hash(username);
		if (existing.isPresent() && this.encoder.matches(password, existing.get())) {
			return;
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		String hash = this.encoder.encode(password);
		if (existing.isPresent()) {
			this.jdbc.sql("UPDATE admin_user SET password_hash = ?, updated_at = ? WHERE username = ?")
				.params(hash, now, username)
				.update();
		}
		else {
			this.jdbc.sql("INSERT INTO admin_user (username, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?)")
				.params(username, hash, now, now)
				.update();
		}
	}

	/** Whether an admin has this user name. */
	boolean exists(String username) {
		return hash(username).isPresent();
	}

	boolean any() {
		return this.jdbc.sql("SELECT COUNT(*) FROM admin_user").query(Integer.class).single() > 0;
	}

	private Optional<String> hash(String username) {
		return this.jdbc.sql("SELECT password_hash FROM admin_user WHERE username = ?")
			.param(username)
			.query(String.class)
			.optional();
	}

}
