package nl.werkproces.lti.web;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request that fails because the database cannot be reached (down, restarting, pool exhausted) or is busy (a
 * lock wait timeout, a deadlock that outlasted the retries) answers 503 with
 * {@code Retry-After} and the error page that says so, instead of a 500: the person may try again in a minute,
 * and nothing was half-written (the transaction rolled back). One WARN line with the reason code per request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class DatabaseUnavailableFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

	static final String RETRY_AFTER_SECONDS = "30";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException ex) {
			String reason = databaseUnreachable(ex) ? "DATABASE_UNAVAILABLE" : databaseBusy(ex) ? "DATABASE_BUSY" : null;
			if (reason == null || response.isCommitted()) {
				throw ex;
			}
			log.warn("Request {} {} answered 503 [{}]: {}", request.getMethod(), request.getRequestURI(), reason,
					rootCause(ex).getClass().getSimpleName());
			String policy = response.getHeader("Content-Security-Policy");
			response.reset();
			if (policy != null) {
				response.setHeader("Content-Security-Policy", policy);
			}
			response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
			response.setHeader("Cache-Control", "no-store");
			response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		}
	}

	/** Whether the failure is the database being out of reach (not a bug, not bad input). */
	static boolean databaseUnreachable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof CannotGetJdbcConnectionException || cause instanceof CannotCreateTransactionException
					|| cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransientDataAccessResourceException
					|| cause instanceof RecoverableDataAccessException || cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException) {
				return true;
			}
			// a rollback that failed because the connection was lost: what failed first is the application exception
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& databaseUnreachable(rollback.getApplicationException())) {
				return true;
			}
			// a commit or rollback the JDBC driver could not carry out: the connection is gone
			if (cause instanceof TransactionSystemException failed && failed.getCause() instanceof SQLException) {
				return true;
			}
			// SQLState class 08: connection exception (lost, closed, refused)
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	/** Whether the database refused the work for now (lock wait timeout, deadlock left after the retries). */
	static boolean databaseBusy(Throwable failure) {
		for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (cause instanceof PessimisticLockingFailureException) {
				return true;
			}
		}
		return false;
	}

	private static Throwable rootCause(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root;
	}

}
