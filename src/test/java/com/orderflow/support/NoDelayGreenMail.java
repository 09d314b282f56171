package com.orderflow.support;

import java.net.Socket;
import java.net.SocketException;
import java.util.HashMap;
import java.util.Map;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail's SMTP server with Nagle's algorithm off on the connections it accepts. GreenMail writes
 * each line of a multi-line reply (the answer to EHLO) as a write of its own; with Nagle on, the second
 * line waited for the client's delayed acknowledgement, 40 ms per connection that a mail server
 * answering in one write does not cost. The tests measure orderflow, not that wait.
 */
final class NoDelayGreenMail extends GreenMail {

    NoDelayGreenMail(ServerSetup smtp) {
        super(smtp);
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
        if (config.length != 1 || !ServerSetup.PROTOCOL_SMTP.equals(config[0].getProtocol())) {
            throw new IllegalArgumentException("Only a single SMTP server is set up here");
        }
        Map<String, AbstractServer> services = new HashMap<>();
        services.put(ServerSetup.PROTOCOL_SMTP, new SmtpServer(config[0], managers) {
            @Override
            protected void handleClientSocket(Socket socket) throws SocketException {
                socket.setTcpNoDelay(true);
                super.handleClientSocket(socket);
            }
        });
        return services;
    }
}
