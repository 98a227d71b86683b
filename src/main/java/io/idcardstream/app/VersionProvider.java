package io.idcardstream.app;

import picocli.CommandLine.IVersionProvider;

/** Reports the version from the jar manifest ({@code dev} when run from classes). */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Main.class.getPackage().getImplementationVersion();
        return new String[] {"idcard-stream " + (version == null ? "dev" : version)};
    }
}
