package dev.jig.samples.atm;

import dev.jig.samples.bank.Balance;
import dev.jig.samples.bank.BalanceQuery;
import dev.jig.samples.bank.BankMessages;
import dev.jig.samples.net.Frames;
import dev.jig.samples.net.StrictProto;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * Asks a real bank over TCP: one connection per query, one {@link BalanceQuery} frame out, one
 * {@code Balance} frame back, all within the bank timeout.
 *
 * <pre>{@code
 * Bank bank = new BankClient("127.0.0.1", 9000, 1000);
 * long balance = bank.balanceOf("Jane Doe");
 * }</pre>
 */
public final class BankClient implements Bank {

    private final String host;
    private final int port;
    private final long timeoutMillis;

    public BankClient(String host, int port, long timeoutMillis) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public long balanceOf(String customer) throws BankException {
        // One deadline for the whole exchange: connect, send, and a possibly trickling answer.
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        try (Socket socket = new Socket()) {
            connect(socket, deadline);
            try {
                socket.getOutputStream().write(Frames.encode(BankMessages.query(customer).toByteArray()));
                socket.getOutputStream().flush();
                byte[] payload = Frames.read(new DeadlineInput(socket, deadline));
                if (payload == null) {
                    throw BankException.error("the bank closed the connection without answering", null);
                }
                return balanceIn(payload);
            } catch (SocketTimeoutException e) {
                throw BankException.timedOut(timeoutMillis);
            } catch (EOFException e) {
                throw BankException.error(e.getMessage(), e);
            } catch (IOException e) {
                throw BankException.error(reason(e), e);
            }
        } catch (IOException e) {
            // Only close() can get here; the answer is already decided, so ignore it.
            throw BankException.error(reason(e), e);
        }
    }

    private void connect(Socket socket, long deadline) throws BankException {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw BankException.unavailable("unknown host " + host, null);
        }
        try {
            socket.connect(address, remainingMillis(deadline));
        } catch (SocketTimeoutException e) {
            throw BankException.timedOut(timeoutMillis);
        } catch (IOException e) {
            throw BankException.unavailable(reason(e), e);
        }
    }

    private static long balanceIn(byte[] payload) throws BankException {
        try {
            return StrictProto.parse(Balance.getDefaultInstance(), payload).getBalance();
        } catch (StrictProto.InvalidMessageException e) {
            throw BankException.error(e.getMessage(), e);
        }
    }

    private static int remainingMillis(long deadline) throws SocketTimeoutException {
        long remaining = (deadline - System.nanoTime()) / 1_000_000;
        if (remaining <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        return (int) Math.min(Integer.MAX_VALUE, remaining);
    }

    private static String reason(IOException e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** Reads from the socket, shrinking the read timeout to what is left of the deadline before each read. */
    private static final class DeadlineInput extends InputStream {
        private final Socket socket;
        private final InputStream in;
        private final long deadline;

        DeadlineInput(Socket socket, long deadline) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            socket.setSoTimeout(remainingMillis(deadline));
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            socket.setSoTimeout(remainingMillis(deadline));
            return in.read(buffer, offset, length);
        }
    }
}
