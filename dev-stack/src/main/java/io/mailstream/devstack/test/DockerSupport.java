package io.mailstream.devstack.test;

import org.testcontainers.DockerClientFactory;

/** Whether Testcontainers can reach a Docker daemon; never throws. */
public final class DockerSupport {

    private DockerSupport() {
    }

    public static boolean isDockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            // Any failure while probing (missing socket, odd environment, linkage) means "no".
            return false;
        }
    }
}
