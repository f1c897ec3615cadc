package nl.werkproces.lti.submission;

/**
 * A checked file ready to store: sanitised name, content type from its extension, the content and its SHA-256
 * (lower-case hex, as {@code submission_file.sha256} holds it; computed while the upload was read, see
 * {@link Upload}). The SHA-256 is shown on the student's receipt and to the teacher, and checked whenever the bytes
 * are read back.
 */
record StoredFile(String filename, String contentType, byte[] content, String sha256) {

}
