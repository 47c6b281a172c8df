package org.siddhiql.testing.kafka;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.server.MetaProperties;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.server.common.MetadataVersion;
import org.siddhiql.testing.TempDirs;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one server, no ZooKeeper), in this JVM,
 * listening on 127.0.0.1 on a free port, with its log in a temporary directory that {@link #close()} deletes. Its
 * internal topics have replication factor 1, so transactions and consumer groups work on one node.
 */
public final class KafkaBroker implements AutoCloseable {
    private final Path logDir;
    private final int port;
    private final KafkaRaftServer server;

    private KafkaBroker(Path logDir, int port, KafkaRaftServer server) {
        this.logDir = logDir;
        this.port = port;
        this.server = server;
    }

    /** Formats a fresh log directory as {@code kafka-storage.sh format} does, then starts the server. */
    public static KafkaBroker start() {
        Path logDir = null;
        try {
            logDir = Files.createTempDirectory("kafka-kraft");
            int port = freePort();
            KafkaConfig config = KafkaConfig.fromProps(configOf(logDir, port, freePort()), false);
            format(config, logDir);
            KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM, Option.empty());
            server.startup();
            return new KafkaBroker(logDir, port, server);
        } catch (IOException e) {
            TempDirs.deleteQuietly(logDir);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            TempDirs.deleteQuietly(logDir);
            throw e;
        }
    }

    private static Properties configOf(Path logDir, int port, int controllerPort) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("num.partitions", "1");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "1");
        // A consumer group starts at once instead of waiting 3 s for more members.
        props.put("group.initial.rebalance.delay.ms", "0");
        return props;
    }

    private static void format(KafkaConfig config, Path logDir) {
        MetaProperties meta = new MetaProperties(Uuid.randomUuid().toString(), config.nodeId());
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        int exit = StorageTool.formatCommand(quiet,
                CollectionConverters.asScala(List.of(logDir.toString())).toList(), meta, MetadataVersion.latest(),
                false);
        if (exit != 0) {
            throw new IllegalStateException("formatting the KRaft log directory " + logDir + " failed: " + exit);
        }
    }

    /** A port that was free a moment ago; the controller's must be known before it binds (quorum voters). */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** {@code 127.0.0.1:PORT}, for clients' {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Creates topics with the given partition counts, replication factor 1, and waits until they exist. */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(partitionsByTopic.entrySet().stream()
                    .map(e -> new NewTopic(e.getKey(), e.getValue(), (short) 1))
                    .toList()).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("creating topics " + partitionsByTopic.keySet() + " failed", e.getCause());
        }
    }

    @Override
    public void close() {
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            TempDirs.deleteQuietly(logDir);
        }
    }
}
