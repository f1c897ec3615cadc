package nl.werkproces.lti.evidence;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import nl.werkproces.lti.activity.Activity;
import nl.werkproces.lti.activity.GradeMode;
import nl.werkproces.lti.evidence.HandInZipContents.File;
import nl.werkproces.lti.evidence.HandInZipContents.HandIn;
import nl.werkproces.lti.storage.FileStorageException;
import nl.werkproces.lti.storage.Sha256;
import nl.werkproces.lti.web.SchoolClock;

import org.springframework.context.support.StaticMessageSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The writer streams: a file's bytes reach the response while the file is still being read (the archive is never
 * assembled in memory first), and a file the storage cannot give is named in the receipts while the others are
 * written.
 */
class HandInZipWriterTests {

	private static final Activity ACTIVITY = new Activity(1, 1, 1L, "key", 1, "B1-K2-W2", "Netwerk- en mediabeheerder",
			GradeMode.CIJFER, null, null);

	private static final Instant AT = Instant.parse("2027-01-10T10:15:00Z");

	@Test
	void aFilesFirstBytesReachTheResponseBeforeTheStorageHasGivenTheRest() throws IOException {
		byte[] content = new byte[8 * HandInZipWriter.BUFFER];
		new Random(3).nextBytes(content);
		CountingOutput response = new CountingOutput();
		List<Long> writtenWhenAsked = new ArrayList<>();
		InputStream storage = new ByteArrayInputStream(content) {

			@Override
			public synchronized int read(byte[] buffer, int offset, int length) {
				writtenWhenAsked.add(response.count);
				return super.read(buffer, offset, Math.min(length, HandInZipWriter.BUFFER));
			}

		};
		HandInZipWriter writer = writer((id) -> Optional.of(storage));

		writer.write(ACTIVITY, List.of(handIn(new File(5, "groot.bin", content.length, Sha256.hex(content)))),
				Locale.forLanguageTag("nl"), response);

		assertThat(writtenWhenAsked).hasSizeGreaterThan(8);
		assertThat(writtenWhenAsked.get(writtenWhenAsked.size() - 1)).as("bytes out while the file was still read")
			.isGreaterThan(content.length / 2);
		assertThat(entry(response.bytes(), "Sam Student (4)/groot.bin")).isEqualTo(content);
	}

	@Test
	void aFileTheStorageCannotGiveIsNamedInTheReceiptsAndTheOthersAreWritten() throws IOException {
		byte[] pdf = "%PDF-1.4".getBytes(StandardCharsets.US_ASCII);
		HandInZipWriter writer = writer((id) -> {
			if (id == 6) {
				throw new FileStorageException("object storage did not return hand-ins/x: SdkClientException");
			}
			return Optional.of(new ByteArrayInputStream(pdf));
		});
		CountingOutput response = new CountingOutput();

		HandInZipWriter.Written written = writer.write(ACTIVITY,
				List.of(handIn(new File(6, "weg.pdf", 10, "0".repeat(64)), new File(7, "goed.pdf", pdf.length,
						Sha256.hex(pdf)))),
				Locale.forLanguageTag("nl"), response);

		assertThat(written.problems()).isOne();
		assertThat(entry(response.bytes(), "Sam Student (4)/goed.pdf")).isEqualTo(pdf);
		assertThat(entry(response.bytes(), "Sam Student (4)/weg.pdf")).isNull();
		String csv = new String(entry(response.bytes(), "ontvangstbewijzen.csv"), StandardCharsets.UTF_8);
		assertThat(csv).contains(";weg.pdf;10;" + "0".repeat(64) + ";evidence.zip.check.UNREADABLE")
			.contains(";goed.pdf;" + pdf.length + ";" + Sha256.hex(pdf) + ";evidence.zip.check.OK");
	}

	private static HandIn handIn(File... files) {
		return new HandIn(4, "Sam Student", AT, false, null, List.of(files));
	}

	private static HandInZipWriter writer(Opener opener) {
		HandInZipFileSource source = new HandInZipFileSource(null, null) {

			@Override
			Optional<InputStream> open(long fileId) {
				return opener.open(fileId);
			}

		};
		SchoolClock clock = mock(SchoolClock.class);
		given(clock.zone()).willReturn(ZoneId.of("Europe/Amsterdam"));
		StaticMessageSource messages = new StaticMessageSource();
		messages.setUseCodeAsDefaultMessage(true);
		return new HandInZipWriter(null, source, messages, clock);
	}

	private static byte[] entry(byte[] zip, String name) throws IOException {
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				if (entry.getName().equals(name)) {
					return in.readAllBytes();
				}
			}
		}
		return null;
	}

	@FunctionalInterface
	private interface Opener {

		Optional<InputStream> open(long fileId);

	}

	/** The response: counts what reached it, and keeps it for reading the archive afterwards. */
	private static final class CountingOutput extends OutputStream {

		private final java.io.ByteArrayOutputStream kept = new java.io.ByteArrayOutputStream();

		volatile long count;

		@Override
		public void write(int b) {
			this.kept.write(b);
			this.count++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			this.kept.write(b, off, len);
			this.count += len;
		}

		byte[] bytes() {
			return this.kept.toByteArray();
		}

	}

}
