package graph.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community embedded with the Bolt connector on a loopback address.
 *
 * Usage: Launcher --data DIR [--host 127.0.0.1] [--port 7687] [--pagecache 128m]
 *
 * Prints "NEO4J_BOLT_READY bolt://HOST:PORT" once Bolt accepts connections and shuts the
 * database down when standard input closes (the parent process went away) or on SIGTERM.
 */
public final class Launcher {
    private static final int PORT_ATTEMPTS = 50;

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("neo4j-launcher: " + e.getMessage());
            System.exit(2);
            return;
        }

        DatabaseManagementService dbms = null;
        int port = options.port;
        for (int attempt = 0; dbms == null; attempt++) {
            port = firstFreePort(options.host, port);
            try {
                dbms = start(options, port);
            } catch (RuntimeException e) {
                // Another process can take the port between our probe and Neo4j's bind: move on.
                if (!isAddressInUse(e) || attempt >= PORT_ATTEMPTS) throw e;
                System.err.println("neo4j-launcher: port " + port + " was taken while starting, trying the next one");
                port++;
            }
        }
        // Wait for the default database before announcing readiness.
        final DatabaseManagementService running = dbms;
        running.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.shutdown();
            stopped.countDown();
        }, "neo4j-launcher-shutdown"));

        System.out.println("NEO4J_BOLT_READY bolt://" + options.host + ":" + port);
        System.out.flush();

        // The parent holds our stdin open; EOF means it has gone away, so we must not outlive it.
        Thread watchdog = new Thread(() -> {
            try (InputStream in = System.in) {
                byte[] buffer = new byte[256];
                while (in.read(buffer) >= 0) {
                    // Input is ignored; only its end matters.
                }
            } catch (IOException ignored) {
                // A broken pipe means the same as EOF.
            }
            System.exit(0);
        }, "neo4j-launcher-parent-watch");
        watchdog.setDaemon(true);
        watchdog.start();
        stopped.await();
    }

    private static DatabaseManagementService start(Options options, int port) {
        return new DatabaseManagementServiceBuilder(Path.of(options.dataDir).toAbsolutePath())
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(options.host, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(options.host, port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(options.pageCache))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
                // Stopping should not wait long for clients' open transactions: the parent is leaving.
                .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(2))
                // Bolt's network threads otherwise idle through a quiet period that made every stop take 10 s.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(3))
                .build();
    }

    private static boolean isAddressInUse(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException) return true;
            String message = t.getMessage();
            if (message != null && message.contains("Address already in use")) return true;
        }
        return false;
    }

    private static int firstFreePort(String host, int start) {
        for (int port = start; port < start + PORT_ATTEMPTS && port <= 65535; port++) {
            try (ServerSocket socket = new ServerSocket()) {
                // Like Neo4j's own bind: a port whose old connections linger in TIME_WAIT is free to use.
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(host, port));
                return port;
            } catch (IOException taken) {
                System.err.println("neo4j-launcher: port " + port + " is taken, trying the next one");
            }
        }
        throw new IllegalStateException("no free port in " + start + ".." + (start + PORT_ATTEMPTS - 1));
    }

    private record Options(String dataDir, String host, int port, String pageCache) {
        static Options parse(String[] args) {
            String data = null;
            String host = "127.0.0.1";
            int port = 7687;
            String pageCache = "128m";
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (i + 1 >= args.length) throw new IllegalArgumentException("missing value for " + name);
                String value = args[++i];
                switch (name) {
                    case "--data" -> data = value;
                    case "--host" -> host = value;
                    case "--port" -> port = parsePort(value);
                    case "--pagecache" -> pageCache = value;
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (data == null) throw new IllegalArgumentException("--data DIR is required");
            requireLoopback(host);
            return new Options(data, host, port, pageCache);
        }

        private static int parsePort(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port < 1 || port > 65535) throw new NumberFormatException();
                return port;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--port must be a number from 1 to 65535, got " + value);
            }
        }

        /** This database has authentication off, so it must never be reachable from another machine. */
        private static void requireLoopback(String host) {
            InetAddress address;
            try {
                address = InetAddress.getByName(host);
            } catch (IOException e) {
                throw new IllegalArgumentException("--host " + host + " does not resolve");
            }
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException("refusing to bind " + host + ": only loopback addresses are allowed");
            }
        }
    }
}
