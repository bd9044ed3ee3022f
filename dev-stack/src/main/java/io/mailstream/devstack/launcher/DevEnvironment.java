package io.mailstream.devstack.launcher;

import java.nio.file.Path;

/** What the services are told about the platform around them. */
public record DevEnvironment(String kafkaBootstrapServers, String mongoConnectionString, String storeUrl,
                             String serviceSecret, String adminToken, Path tlsCertFile, Path tlsKeyFile) {

    public static final String HOST = "127.0.0.1";
    public static final String DATABASE = "mailstream";
}
