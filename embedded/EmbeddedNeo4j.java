import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Runs Neo4j Community in-process with a Bolt connector on loopback, for the
 * app's embedded default database. Usage: EmbeddedNeo4j DATA_DIR BOLT_PORT [PAGECACHE] [HEAP_TX]
 *
 * Prints "READY bolt://127.0.0.1:PORT" once Bolt accepts connections. Shuts the
 * database down cleanly on SIGTERM/SIGINT and when its standard input closes,
 * so it never outlives the Node process that started it.
 */
public final class EmbeddedNeo4j {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: EmbeddedNeo4j DATA_DIR BOLT_PORT [PAGECACHE]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String pageCache = args.length > 2 ? args[2] : "256m";

        DatabaseManagementService service = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, org.neo4j.io.ByteUnit.parse(pageCache))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(60))
                .build();

        Thread stopper = new Thread(() -> {
            try {
                service.shutdown();
            } catch (RuntimeException e) {
                System.err.println("shutdown: " + e.getMessage());
            }
        }, "neo4j-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);

        System.out.println("READY bolt://127.0.0.1:" + port);
        System.out.flush();

        // The parent holds our stdin open; end of stream means it is gone.
        InputStream in = System.in;
        try {
            while (in.read() != -1) {
                // ignore input
            }
        } catch (IOException ignored) {
            // treat as closed
        }
        System.exit(0);
    }
}
