package dev.jig.samples.adder;

import dev.jig.samples.cli.CommandLine;
import dev.jig.samples.cli.Usage;
import dev.jig.samples.cli.UsageException;
import dev.jig.samples.net.Frames;
import dev.jig.samples.net.StrictProto;
import dev.jig.samples.net.TcpServer;
import dev.jig.samples.net.WarmUp;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.util.Set;

/**
 * "Please add 3 and 4": answers each {@link AddRequest} frame with an {@link AddReply} frame (protobuf,
 * {@code adder.proto}).
 *
 * <pre>
 * java -cp … dev.jig.samples.adder.AdderMain --port 0
 * adder listening on port 41236
 * </pre>
 * A malformed payload closes that connection (logged on stderr); other connections carry on.
 * The sum wraps around on overflow, as int64 addition does.
 */
public final class AdderMain {

    static final String USAGE = """
            usage: AdderMain [--port N] [--warm-up N]
              --port N       port on 127.0.0.1 to listen on (0 = choose a free one, default 0)
              --warm-up N    additions to serve itself before it says it listens (default 20)""";

    private final PrintStream log;

    private AdderMain(PrintStream log) {
        this.log = log;
    }

    public static void main(String[] args) throws IOException {
        int port;
        int warmUpRounds;
        try {
            CommandLine line = CommandLine.parse(args, Set.of("port", "warm-up"));
            if (line.help()) {
                Usage.help(USAGE);
            }
            port = line.intValue("port", 0, 0, 65535);
            warmUpRounds = line.intValue("warm-up", WarmUp.DEFAULT_ROUNDS, 0, 100_000);
        } catch (UsageException e) {
            Usage.exit("adder", USAGE, e);
            return;
        }
        try (TcpServer server = TcpServer.bind("adder", port, new AdderMain(System.out)::serve)) {
            WarmUp.run("adder", new AdderMain(WarmUp.SILENT)::serve,
                    AddRequest.newBuilder().setA(3).setB(4).build().toByteArray(), warmUpRounds);
            System.out.println("adder listening on port " + server.port());
            System.out.flush();
            server.acceptForever();
        }
    }

    private void serve(Socket socket) throws IOException {
        InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = new BufferedOutputStream(socket.getOutputStream());
        byte[] payload;
        while ((payload = Frames.read(in)) != null) {
            AddRequest request;
            try {
                request = StrictProto.parse(AddRequest.getDefaultInstance(), payload);
            } catch (StrictProto.InvalidMessageException e) {
                System.err.println("adder: closing connection from " + socket.getRemoteSocketAddress()
                        + ": " + e.getMessage());
                return;
            }
            AddReply reply = AddReply.newBuilder().setSum(request.getA() + request.getB()).build();
            log.println("add " + request.getA() + " and " + request.getB() + ": " + reply.getSum());
            log.flush();
            Frames.write(out, reply.toByteArray());
        }
    }
}
