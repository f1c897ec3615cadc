package nl.werkproces.lti.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Wraps the application's {@link DataSource} and records the SQL of every statement prepared, for tests of how much
 * database work a request does. Register as a bean in a test configuration; {@link #reset()} before the request.
 */
public final class StatementLog implements BeanPostProcessor {

	private final List<String> statements = new CopyOnWriteArrayList<>();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && !(bean instanceof Logging)) {
			return new Logging(dataSource);
		}
		return bean;
	}

	public void reset() {
		this.statements.clear();
	}

	/** The statements prepared since the last reset, in order, whitespace collapsed. */
	public List<String> statements() {
		return List.copyOf(this.statements);
	}

	/** The statements since the last reset that start with {@code verb} (SELECT, INSERT, …) and name the table. */
	public List<String> statements(String verb, String table) {
		return this.statements.stream()
			.filter((sql) -> sql.toUpperCase(Locale.ROOT).startsWith(verb.toUpperCase(Locale.ROOT)))
			.filter((sql) -> sql.toLowerCase(Locale.ROOT).matches("(?s).*\\b" + table.toLowerCase(Locale.ROOT) + "\\b.*"))
			.toList();
	}

	private Connection logging(Connection connection) {
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, args) -> {
					if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
						this.statements.add(sql.strip().replaceAll("\\s+", " "));
					}
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	private final class Logging extends DelegatingDataSource {

		Logging(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws java.sql.SQLException {
			return logging(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws java.sql.SQLException {
			return logging(super.getConnection(username, password));
		}

	}

}
