package com.orderflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

import org.junit.jupiter.api.Test;

class NoDelaySocketFactoryTest {

    @Test
    void everySocketItMakesHasNagleOff() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            var factory = NoDelaySocketFactory.getDefault();
            try (Socket unconnected = factory.createSocket();
                    Socket byName = factory.createSocket("localhost", port);
                    Socket byAddress = factory.createSocket(InetAddress.getLoopbackAddress(), port);
                    Socket fromLocalPort = factory.createSocket(InetAddress.getLoopbackAddress(), port,
                            InetAddress.getLoopbackAddress(), 0)) {
                assertThat(unconnected.isConnected()).isFalse();
                assertThat(unconnected.getTcpNoDelay()).isTrue();
                for (Socket socket : new Socket[] { byName, byAddress, fromLocalPort }) {
                    assertThat(socket.isConnected()).isTrue();
                    assertThat(socket.getPort()).isEqualTo(port);
                    assertThat(socket.getTcpNoDelay()).isTrue();
                }
            }
        }
    }

    @Test
    void aRefusedConnectionFailsWithTheConnectionError() throws Exception {
        int closedPort;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = server.getLocalPort();
        }
        assertThatThrownBy(() -> NoDelaySocketFactory.getDefault().createSocket(InetAddress.getLoopbackAddress(),
                closedPort)).isInstanceOf(ConnectException.class);
    }
}
