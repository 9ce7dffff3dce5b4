package io.tenmail.deploy;

/** The version of this build, from the jar manifest. */
public final class Version {

    private Version() {
    }

    /** e.g. {@code 0.1.0}; "(development build)" when run from classes rather than the jar. */
    public static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }
}
