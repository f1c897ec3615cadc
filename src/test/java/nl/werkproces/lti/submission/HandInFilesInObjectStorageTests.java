package nl.werkproces.lti.submission;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.werkproces.lti.activity.Activities;
import nl.werkproces.lti.dossier.DossierCatalog;
import nl.werkproces.lti.registration.PlatformRegistrations;
import nl.werkproces.lti.rubric.RubricVersions;
import nl.werkproces.lti.storage.Sha256;
import nl.werkproces.lti.storage.StorageMigration;
import nl.werkproces.lti.testing.OwnS3Server;
import nl.werkproces.lti.testing.SeparateTestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hand-in files in an S3-compatible object store ({@code lti.storage.type=s3}) that runs on this machine
 * ({@link OwnS3Server}, s3rver): the bytes are objects in the bucket and not in the database, downloads return them
 * unchanged, the migration moves every file to the database and back with its SHA-256 intact (and can be run again),
 * a hand-in the object store cannot take is refused without leaving a record or an object behind, and an erased
 * student's files are exported from the bucket and then removed from it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lti.jwks.min-refresh-interval=0s", "lti.grades.scheduled=false", "lti.storage.type=s3",
				"lti.storage.s3.path-style=true", "lti.storage.s3.region=us-east-1",
				"lti.storage.s3.access-key=" + OwnS3Server.ACCESS_KEY,
				"lti.storage.s3.secret-key=" + OwnS3Server.SECRET_KEY })
// closed after the class: its database is dropped then
@DirtiesContext
class HandInFilesInObjectStorageTests {

	private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	private static OwnS3Server s3;

	/** The migration moves every file of the database: on MariaDB a database of this class's own. */
	private static final SeparateTestDatabase database = SeparateTestDatabase.createOnMysqlPass("s3");

	@LocalServerPort
	int port;

	@Autowired
	PlatformRegistrations registrations;

	@Autowired
	Activities activities;

	@Autowired
	DossierCatalog catalog;

	@Autowired
	RubricVersions rubrics;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StorageMigration migration;

	AssignmentFixture fixture;

	@BeforeAll
	static void startObjectStore() throws IOException {
		s3 = OwnS3Server.start(Files.createTempDirectory("s3rver"), "werkproces-test");
	}

	@DynamicPropertySource
	static void objectStore(DynamicPropertyRegistry registry) {
		registry.add("lti.storage.s3.endpoint", () -> s3.endpoint());
		registry.add("lti.storage.s3.bucket", () -> s3.bucket());
		if (database != null) {
			database.register(registry);
		}
	}

	@AfterAll
	static void stopObjectStore() {
		if (s3 != null) {
			s3.close();
		}
		if (database != null) {
			database.drop();
		}
	}

	@BeforeEach
	void setUpActivity() {
		this.fixture = new AssignmentFixture(this.port, this.registrations, this.activities, this.catalog, this.rubrics,
				this.jdbc);
	}

	/** Every file back into the database: the test database is shared with tests that store files there. */
	@AfterEach
	void stopPlatformAndMoveFilesBack() {
		this.fixture.close();
		assertThat(this.migration.s3ToDatabase().remaining()).isZero();
	}

	@Test
	void aHandInIsStoredInTheBucketNotTheDatabaseAndDownloadsAsTheSameBytes() throws IOException {
		StudentClient student = this.fixture.student(this.fixture.launch(this.fixture.learner()));
		byte[] notes = "Aantekeningen bij het advies.\n".getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> handIn = student.handIn(new MultipartForm().field("text", "In de bestanden.")
			.file("files", "advies.pdf", "application/pdf", PDF)
			.file("files", "notities.txt", "text/plain", notes));
		assertThat(handIn.statusCode()).isEqualTo(302);

		for (Map.Entry<String, byte[]> file : Map.of("advies.pdf", PDF, "notities.txt", notes).entrySet()) {
			long id = this.fixture.fileId(file.getKey());
			Map<String, Object> row = this.jdbc
				.sql("SELECT content, object_key, sha256, size_bytes FROM submission_file WHERE id = ?")
				.param(id)
				.query()
				.singleRow();
			assertThat(row.get("content")).as("no bytes in the database").isNull();
			assertThat((String) row.get("object_key")).startsWith("hand-ins/");
			assertThat(row.get("sha256")).isEqualTo(Sha256.hex(file.getValue()));
			assertThat(objectKeys()).contains((String) row.get("object_key"));
			HttpResponse<byte[]> download = student.file(id);
			assertThat(download.statusCode()).isEqualTo(200);
			assertThat(download.body()).isEqualTo(file.getValue());
		}

		// handing in again replaces the files: the replaced objects are removed from the bucket
		List<String> before = objectKeys();
		student.handIn(new MultipartForm().field("text", "Nieuwe versie.")
			.file("files", "advies-v2.pdf", "application/pdf", "%PDF-1.7\nversie 2\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
		String replacement = this.jdbc.sql("SELECT object_key FROM submission_file WHERE id = ?")
			.param(this.fixture.fileId("advies-v2.pdf"))
			.query(String.class)
			.single();
		assertThat(objectKeys()).contains(replacement).doesNotContainAnyElementsOf(before);
	}

	@Test
	void theTeacherDownloadsFilesFromTheBucketOneByOneAndAsTheHandInZipWithTheirSha256Checked() throws IOException {
		StudentClient student = this.fixture.student(this.fixture.launch(this.fixture.learner()));
		byte[] notes = "Aantekeningen bij het advies.\n".getBytes(StandardCharsets.UTF_8);
		student.handIn(new MultipartForm().field("text", "In de bestanden.")
			.file("files", "advies.pdf", "application/pdf", PDF)
			.file("files", "notities.txt", "text/plain", notes));
		StudentClient teacher = this.fixture.student(this.fixture.launch(this.fixture.learner().asInstructor()));
		long advies = this.fixture.fileId("advies.pdf");

		HttpResponse<byte[]> one = teacher.download("/app/teacher/files/" + advies);
		assertThat(one.statusCode()).isEqualTo(200);
		assertThat(one.body()).isEqualTo(PDF);
		HttpResponse<byte[]> zip = teacher.download("/app/teacher/hand-ins.zip");
		assertThat(zip.statusCode()).isEqualTo(200);
		Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
		try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
				new java.io.ByteArrayInputStream(zip.body()), StandardCharsets.UTF_8)) {
			for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				entries.put(entry.getName().substring(entry.getName().indexOf('/') + 1), in.readAllBytes());
			}
		}
		assertThat(entries.get("advies.pdf")).isEqualTo(PDF);
		assertThat(entries.get("notities.txt")).isEqualTo(notes);
		String csv = new String(entries.get("ontvangstbewijzen.csv"), StandardCharsets.UTF_8);
		assertThat(csv).contains(";advies.pdf;" + PDF.length + ";" + Sha256.hex(PDF) + ";klopt met de SHA-256")
			.contains(";notities.txt;" + notes.length + ";" + Sha256.hex(notes) + ";klopt met de SHA-256");
	}

	@Test
	void migratingEveryFileToTheDatabaseAndBackKeepsItsSha256AndCanBeRunAgain() {
		StudentClient student = this.fixture.student(this.fixture.launch(this.fixture.learner()));
		byte[] large = new byte[300_000];
		new java.util.Random(7).nextBytes(large);
		byte[] zip = zipWith(large);
		student.handIn(new MultipartForm().field("text", "Twee bestanden.")
			.file("files", "advies.pdf", "application/pdf", PDF)
			.file("files", "bijlagen.zip", "application/zip", zip));
		long pdf = this.fixture.fileId("advies.pdf");
		long archive = this.fixture.fileId("bijlagen.zip");

		StorageMigration.Report toDatabase = this.migration.s3ToDatabase();
		assertThat(toDatabase.problems()).isZero();
		assertThat(toDatabase.remaining()).isZero();
		assertThat(toDatabase.moved()).isGreaterThanOrEqualTo(2);
		assertThat(count("SELECT COUNT(*) FROM submission_file WHERE object_key IS NOT NULL OR content IS NULL")).isZero();
		assertThat(objectKeys()).as("the moved objects are removed").isEmpty();
		assertThat(storedSha256(pdf)).isEqualTo(Sha256.hex(PDF));
		assertThat(storedSha256(archive)).isEqualTo(Sha256.hex(zip));
		assertThat(student.file(archive).body()).isEqualTo(zip);

		StorageMigration.Report toS3 = this.migration.databaseToS3();
		assertThat(toS3.problems()).isZero();
		assertThat(toS3.remaining()).isZero();
		assertThat(count("SELECT COUNT(*) FROM submission_file WHERE content IS NOT NULL OR object_key IS NULL")).isZero();
		assertThat(objectKeys()).contains("hand-ins/file-" + pdf, "hand-ins/file-" + archive);
		assertThat(student.file(pdf).body()).isEqualTo(PDF);
		assertThat(student.file(archive).body()).isEqualTo(zip);

		assertThat(this.migration.databaseToS3()).as("run again: nothing left to move")
			.isEqualTo(new StorageMigration.Report(0, 0, 0));
	}

	@Test
	void aMigrationCutOffByTheObjectStoreLosesNothingAndFinishesWhenRunAgain() {
		StudentClient student = this.fixture.student(this.fixture.launch(this.fixture.learner()));
		student.handIn(new MultipartForm().field("text", "Een bestand.").file("files", "advies.pdf", "application/pdf", PDF));
		long id = this.fixture.fileId("advies.pdf");
		this.migration.s3ToDatabase();
		assertThat(count("SELECT COUNT(*) FROM submission_file WHERE content IS NOT NULL AND id = " + id)).isOne();

		s3.stop();
		try {
			StorageMigration.Report cutOff = this.migration.databaseToS3();
			assertThat(cutOff.problems()).as("stops once the store failed a few times in a row")
				.isBetween(1, StorageMigration.MAX_FAILURES_IN_A_ROW);
			assertThat(cutOff.remaining()).isPositive();
			assertThat(this.jdbc.sql("SELECT content FROM submission_file WHERE id = ?").param(id).query(byte[].class)
				.single()).as("the bytes stay in the database").isEqualTo(PDF);
		}
		finally {
			s3.start();
		}
		StorageMigration.Report resumed = this.migration.databaseToS3();
		assertThat(resumed.problems()).isZero();
		assertThat(resumed.remaining()).isZero();
		assertThat(student.file(id).body()).isEqualTo(PDF);
	}

	@Test
	void aHandInTheObjectStoreCannotTakeIsRefusedWith503AndLeavesTheEarlierHandInAsItWas() {
		StudentClient student = this.fixture.student(this.fixture.launch(this.fixture.learner()));
		student.handIn(new MultipartForm().field("text", "Eerste versie.").file("files", "advies.pdf", "application/pdf", PDF));
		long first = this.fixture.fileId("advies.pdf");
		String page = student.page().body();
		String action = page.substring(page.indexOf("action=\"") + 8, page.indexOf("\"", page.indexOf("action=\"") + 8))
			.replace("&amp;", "&");
		List<String> objectsBefore = objectKeys();

		s3.stop();
		HttpResponse<String> refused;
		try {
			refused = student.post(action, new MultipartForm().field("text", "Tweede versie.")
				.file("files", "advies-v2.pdf", "application/pdf", PDF)
				.file("files", "notities.txt", "text/plain", "notities".getBytes(StandardCharsets.UTF_8)));
		}
		finally {
			s3.start();
		}
		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.body()).contains("de opslag van bestanden is even niet bereikbaar");
		assertThat(student.receipt().body()).contains("<dd id=\"hand-in-count\">1</dd>").contains("advies.pdf")
			.doesNotContain("advies-v2.pdf");
		assertThat(this.fixture.files()).isEqualTo(1);
		assertThat(objectKeys()).isEqualTo(objectsBefore);
		assertThat(student.file(first).body()).isEqualTo(PDF);
	}

	@Test
	void aHandInRefusedInsideItsTransactionLeavesNoObjectBehind() {
		StudentClient student = this.fixture.student(this.fixture.launch(this.fixture.learner()));
		student.handIn(new MultipartForm().field("text", "Eerste versie."));
		String page = student.page().body();
		String action = page.substring(page.indexOf("action=\"") + 8, page.indexOf("\"", page.indexOf("action=\"") + 8))
			.replace("&amp;", "&");
		this.fixture.grading("4", "DRAFT");
		List<String> objectsBefore = objectKeys();

		HttpResponse<String> refused = student.post(action,
				new MultipartForm().field("text", "Te laat.").file("files", "advies.pdf", "application/pdf", PDF));
		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(objectKeys()).as("the object written before the refusal is removed").isEqualTo(objectsBefore);
		assertThat(this.fixture.files()).isZero();
	}

	/** The keys of the objects in the bucket, as s3rver keeps them on disk (a directory per object). */
	@Test
	void anErasedStudentsFilesAreExportedFromAndThenRemovedFromTheBucket() throws Exception {
		StudentClient student = this.fixture.student(this.fixture.launch(this.fixture.learner()));
		assertThat(student.handIn(new MultipartForm().field("text", "Met bestand.")
			.file("files", "advies.pdf", "application/pdf", PDF)).statusCode()).isEqualTo(302);
		long fileId = this.fixture.fileId("advies.pdf");
		Map<String, Object> owner = this.jdbc.sql("""
				SELECT s.platform_id, s.user_id, f.object_key FROM submission_file f
				JOIN submission s ON s.id = f.submission_id WHERE f.id = ?""")
			.param(fileId)
			.query()
			.singleRow();
		String objectKey = (String) owner.get("object_key");
		assertThat(objectKeys()).contains(objectKey);
		String user = "/api/admin/platforms/" + owner.get("platform_id") + "/users/" + owner.get("user_id");

		HttpResponse<byte[]> export = admin("GET", user + "/export", null);
		assertThat(export.statusCode()).isEqualTo(200);
		boolean found = false;
		try (java.util.zip.ZipInputStream zip = new java.util.zip.ZipInputStream(
				new java.io.ByteArrayInputStream(export.body()))) {
			for (java.util.zip.ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.getName().endsWith("-advies.pdf")) {
					found = java.util.Arrays.equals(zip.readAllBytes(), PDF);
				}
			}
		}
		assertThat(found).as("the bucket's file is in the export").isTrue();

		assertThat(admin("POST", user + "/erasure", "reason=verzoek").statusCode()).isEqualTo(200);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM submission_file WHERE id = ?").param(fileId)
			.query(Integer.class).single()).isZero();
		assertThat(objectKeys()).doesNotContain(objectKey);
	}

	private HttpResponse<byte[]> admin(String method, String path, String form) throws Exception {
		java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + this.port + path))
			.method(method, (form != null) ? java.net.http.HttpRequest.BodyPublishers.ofString(form)
					: java.net.http.HttpRequest.BodyPublishers.noBody())
			.header("Authorization", "Basic " + java.util.Base64.getEncoder()
				.encodeToString((nl.werkproces.lti.testing.AdminBrowser.USER + ":"
						+ nl.werkproces.lti.testing.AdminBrowser.PASSWORD).getBytes(StandardCharsets.UTF_8)));
		if (form != null) {
			request.header("Content-Type", "application/x-www-form-urlencoded");
		}
		return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static List<String> objectKeys() {
		Path bucket = s3.bucketDirectory();
		if (!Files.isDirectory(bucket)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(bucket)) {
			return files.filter((file) -> file.getFileName().toString().endsWith("._S3rver_object"))
				.map((file) -> bucket.relativize(file).toString().replaceFirst("\\._S3rver_object$", ""))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String storedSha256(long id) {
		byte[] content = this.jdbc.sql("SELECT content FROM submission_file WHERE id = ?").param(id).query(byte[].class)
			.single();
		return Sha256.hex(content);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private static byte[] zipWith(byte[] content) {
		try {
			java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
			try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
				zip.putNextEntry(new java.util.zip.ZipEntry("bijlage.bin"));
				zip.write(content);
				zip.closeEntry();
			}
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
