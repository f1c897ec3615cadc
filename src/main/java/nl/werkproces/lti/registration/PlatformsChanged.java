package nl.werkproces.lti.registration;

/** Published after a platform registration was created, changed, enabled or disabled on this replica. */
public record PlatformsChanged(long platformId) {

}
