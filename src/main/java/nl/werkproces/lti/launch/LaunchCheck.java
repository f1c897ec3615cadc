package nl.werkproces.lti.launch;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import nl.werkproces.lti.registration.Platform;

/** What a launch is checked against: the registration, the login it answers, the tool's own origin and now. */
record LaunchCheck(Platform platform, LoginState login, URI toolBaseUrl, Instant now, Duration leeway) {

}
