package fr.relais.pscsim;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A listening socket that accepts every connection and never sends a byte, not even a TLS handshake: the
 * "firewall drops the answers" failure, where only the client's timeouts help. Held connections are closed
 * when the black hole is.
 */
final class BlackholeSocket implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> held = new ArrayList<>();
    private final Thread acceptor;

    BlackholeSocket(InetAddress address, int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(address, port), 128);
        acceptor = new Thread(this::acceptForever, "psc-sim-blackhole-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptForever() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                synchronized (held) {
                    held.add(socket);
                }
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // already closed
        }
        synchronized (held) {
            for (Socket socket : held) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // best effort
                }
            }
            held.clear();
        }
        try {
            acceptor.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
