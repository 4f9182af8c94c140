package graph.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import inet.ipaddr.IPAddressString;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;
import org.neo4j.internal.kernel.api.security.LoginContext;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.api.security.AuthToken;
import org.neo4j.kernel.api.security.exception.InvalidAuthTokenException;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Runs Neo4j Community embedded with the Bolt connector on a loopback address, with authentication
 * on, Bolt over WebSocket off, and no file or network access from Cypher (LOAD CSV).
 *
 * Usage: Launcher --data DIR [--host 127.0.0.1] [--port 7687] [--pagecache 128m]
 *
 * The first line of standard input is the password of the user neo4j; it is set before Bolt opens.
 * Prints "NEO4J_BOLT_READY bolt://HOST:PORT" once Bolt accepts connections and shuts the
 * database down when standard input closes (the parent process went away) or on SIGTERM.
 */
public final class Launcher {
    private static final int PORT_ATTEMPTS = 50;
    private static final String USER = "neo4j";

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("neo4j-launcher: " + e.getMessage());
            System.exit(2);
            return;
        }
        // The password comes on standard input: a command-line argument would show in every user's process list.
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String password = stdin.readLine();
        if (password == null || password.isEmpty()) {
            System.err.println("neo4j-launcher: the first line of standard input must be the database password");
            System.exit(2);
            return;
        }

        // The password is checked, and set if it is new, before Bolt opens: a new data folder's user would
        // otherwise be reachable with Neo4j's well-known initial password until it was changed.
        String refused = null;
        DatabaseManagementService closed = builder(options).setConfig(BoltConnector.enabled, false).build();
        try {
            if (!authenticates(closed, password)) setPassword(closed, password);
        } catch (RuntimeException e) {
            refused = e.getMessage();
        } finally {
            closed.shutdown();
        }
        if (refused != null) {
            System.err.println("neo4j-launcher: could not set the password of the user " + USER + ": " + refused);
            System.exit(1);
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
        final DatabaseManagementService running = dbms;
        try {
            BoltOnly.install(running);
            // Wait for the default database before announcing readiness.
            running.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
        } catch (RuntimeException e) {
            // Neo4j's threads would keep the JVM alive after main failed.
            running.shutdown();
            throw e;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.shutdown();
            stopped.countDown();
        }, "neo4j-launcher-shutdown"));

        System.out.println("NEO4J_BOLT_READY bolt://" + options.host + ":" + port);
        System.out.flush();

        // The parent holds our stdin open; EOF means it has gone away, so we must not outlive it.
        Thread watchdog = new Thread(() -> {
            try (BufferedReader in = stdin) {
                char[] buffer = new char[256];
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
        return builder(options)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(options.host, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(options.host, port))
                .build();
    }

    private static DatabaseManagementServiceBuilder builder(Options options) {
        return new DatabaseManagementServiceBuilder(Path.of(options.dataDir).toAbsolutePath())
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // LOAD CSV may read no file and fetch no URL: whoever runs Cypher must not reach the disk or the network.
                .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                .setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist, List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0")))
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(options.pageCache))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
                // Stopping should not wait long for clients' open transactions: the parent is leaving.
                .setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(2))
                // Bolt's network threads otherwise idle through a quiet period that made every stop take 10 s.
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(3));
    }

    /** Whether the user neo4j signs in with this password (a wrong one counts as a failed attempt, like any other). */
    private static boolean authenticates(DatabaseManagementService dbms, String password) {
        GraphDatabaseAPI system = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        AuthManager auth = system.getDependencyResolver().resolveDependency(AuthManager.class);
        try {
            LoginContext login = auth.login(AuthToken.newBasicAuthToken(USER, password), ClientConnectionInfo.EMBEDDED_CONNECTION);
            return login.subject().getAuthenticationResult() == AuthenticationResult.SUCCESS;
        } catch (InvalidAuthTokenException e) {
            return false;
        }
    }

    private static void setPassword(DatabaseManagementService dbms, String password) {
        dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
                .executeTransactionally("ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
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

        /** The database serves the app on this machine: no other machine needs to reach it, so none can. */
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
