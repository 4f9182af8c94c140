package graph.launcher;

import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.ByteToMessageDecoder;
import org.neo4j.bolt.BoltServer;
import org.neo4j.bolt.protocol.common.connector.Connector;
import org.neo4j.bolt.protocol.common.connector.connection.Connection;
import org.neo4j.bolt.protocol.common.connector.connection.listener.ConnectionListener;
import org.neo4j.bolt.protocol.common.connector.listener.ConnectorListener;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * Turns off Bolt over WebSocket, which Neo4j serves on the Bolt port without checking the Origin, so
 * any web page open in the user's browser could reach the database. Neo4j has no setting for it: a
 * connection whose first four bytes are not Bolt's handshake is closed before Neo4j reads them.
 */
final class BoltOnly {
    /** The four bytes every Bolt client sends first. */
    private static final int BOLT_MAGIC = 0x6060B017;

    private BoltOnly() {}

    static void install(DatabaseManagementService dbms) {
        GraphDatabaseAPI system = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        BoltServer bolt = system.getDependencyResolver().resolveDependency(BoltServer.class);
        ConnectionListener gate = new ConnectionListener() {
            @Override
            public void onNetworkPipelineInitialized(ChannelPipeline pipeline) {
                pipeline.addFirst("bolt-only", new Gate());
            }
        };
        ConnectorListener onEachConnection = new ConnectorListener() {
            @Override
            public void onConnectionCreated(Connection connection) {
                connection.registerListener(gate);
            }
        };
        List<Connector> connectors = bolt.getConnectors();
        if (connectors.isEmpty()) throw new IllegalStateException("the Bolt server has no connector to guard");
        for (Connector connector : connectors) connector.registerListener(onEachConnection);
    }

    /** Waits for the first four bytes; lets Bolt's handshake through and closes anything else (an HTTP upgrade). */
    private static final class Gate extends ByteToMessageDecoder {
        @Override
        protected void decode(ChannelHandlerContext context, ByteBuf in, List<Object> out) {
            if (in.readableBytes() < 4) return;
            if (in.getInt(in.readerIndex()) == BOLT_MAGIC) {
                // Removing the gate hands the bytes read so far on to Neo4j's own handlers.
                context.pipeline().remove(this);
            } else {
                in.skipBytes(in.readableBytes());
                context.close();
            }
        }
    }
}
