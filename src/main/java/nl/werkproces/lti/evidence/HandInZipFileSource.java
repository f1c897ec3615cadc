package nl.werkproces.lti.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import nl.werkproces.lti.storage.FileStorageException;
import nl.werkproces.lti.storage.HandInFileStorage;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The bytes of one handed-in file as a stream, from wherever its row says they are, without reading the whole file
 * into memory: from object storage straight from the store's response; from the database in chunks of
 * {@value #CHUNK} bytes ({@code SUBSTRING} of the row's {@code content}, one statement per chunk, so neither the
 * JDBC driver nor the tool holds the whole blob).
 */
@Component
class HandInZipFileSource {

	static final int CHUNK = 1024 * 1024;

	private final JdbcClient jdbc;

	private final HandInFileStorage storage;

	HandInZipFileSource(JdbcClient jdbc, HandInFileStorage storage) {
		this.jdbc = jdbc;
		this.storage = storage;
	}

	/**
	 * The file's bytes; empty when the file is gone (replaced by a new hand-in since it was listed).
	 * {@link FileStorageException} when its storage cannot be read. The caller closes the stream.
	 */
	Optional<InputStream> open(long fileId) {
		Optional<String> where = this.jdbc.sql("""
				SELECT COALESCE(object_key, '') FROM submission_file WHERE id = ?""")
			.param(fileId)
			.query(String.class)
			.optional();
		if (where.isEmpty()) {
			return Optional.empty();
		}
		if (!where.get().isEmpty()) {
			return Optional.of(this.storage.openObject(where.get()));
		}
		return chunk(fileId, 1).map((first) -> new Chunks(fileId, first));
	}

	/** {@value #CHUNK} bytes (fewer at the end, none past it) from 1-based {@code position}; empty for no row. */
	private Optional<byte[]> chunk(long fileId, long position) {
		return this.jdbc.sql("SELECT SUBSTRING(content, ?, ?) FROM submission_file WHERE id = ? AND content IS NOT NULL")
			.params(position, CHUNK, fileId)
			.query((rs, row) -> {
				byte[] bytes = rs.getBytes(1);
				return (bytes != null) ? bytes : new byte[0];
			})
			.optional();
	}

	/** The row's content, one chunk in memory at a time. */
	private final class Chunks extends InputStream {

		private final long fileId;

		private ByteArrayInputStream current;

		private long next;

		private boolean last;

		Chunks(long fileId, byte[] first) {
			this.fileId = fileId;
			this.current = new ByteArrayInputStream(first);
			this.next = 1L + first.length;
			this.last = first.length < CHUNK;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) == -1) ? -1 : (one[0] & 0xFF);
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			int read = this.current.read(buffer, offset, length);
			while (read == -1 && !this.last) {
				byte[] bytes = chunk(this.fileId, this.next)
					.orElseThrow(() -> new IOException("file " + this.fileId + " was removed while it was read"));
				this.current = new ByteArrayInputStream(bytes);
				this.next += bytes.length;
				this.last = bytes.length < CHUNK;
				read = this.current.read(buffer, offset, length);
			}
			return read;
		}

	}

}
