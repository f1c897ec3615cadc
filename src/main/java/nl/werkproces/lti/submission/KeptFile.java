package nl.werkproces.lti.submission;

import nl.werkproces.lti.storage.FileLocation;

/** A checked file whose bytes the file storage has taken: the row to write points to {@code location}. */
record KeptFile(StoredFile file, FileLocation location) {

}
