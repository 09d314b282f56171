package com.orderflow.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import com.orderflow.shared.InvalidFieldException;

class WebhookUrlsTest {

    private final WebhookUrls byDefault = new WebhookUrls(false);
    private final WebhookUrls allowingPrivate = new WebhookUrls(true);

    @ParameterizedTest
    @ValueSource(strings = { "http://127.0.0.1:8080/events", "http://localhost/events", "http://[::1]/events",
            "http://10.1.2.3/", "http://172.16.0.1/", "http://192.168.1.10/", "http://169.254.169.254/latest/",
            "http://0.0.0.0/", "http://[fc00::1]/", "http://[fe80::1]/", "http://100.64.0.1/", "http://224.0.0.1/",
            "http://2130706433/" })
    void internalAddressesAreRefusedByDefault(String url) {
        assertThatThrownBy(() -> byDefault.check(url)).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("loopback, private or link-local");
    }

    @Test
    void loopbackIsAcceptedWithTheSetting() {
        assertThat(allowingPrivate.check("http://127.0.0.1:8080/events").getPort()).isEqualTo(8080);
        assertThat(allowingPrivate.check("https://localhost/events").getHost()).isEqualTo("localhost");
    }

    @Test
    void aPublicAddressIsAccepted() {
        assertThat(byDefault.check("https://93.184.216.34/hooks").getHost()).isEqualTo("93.184.216.34");
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://93.184.216.34/x", "file:///etc/passwd", "gopher://93.184.216.34/",
            "93.184.216.34/x", "http:///nohost", "https://user:pw@93.184.216.34/", "http://a b/" })
    void onlyHttpUrlsWithAHostAreAccepted(String url) {
        assertThatThrownBy(() -> allowingPrivate.check(url)).isInstanceOf(InvalidFieldException.class)
                .hasMessageStartingWith("url ");
    }

    @Test
    void aHostThatDoesNotResolveIsRefusedByDefault() {
        assertThatThrownBy(() -> byDefault.check("http://no-such-host.invalid/"))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("does not resolve");
    }

    @Test
    void theSignatureIsHmacSha256OfTheBody() {
        assertThat(Signatures.sign("key", "The quick brown fox jumps over the lazy dog"
                .getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    }

    @Test
    void everyActionHasATypeAndListedOnesKeepTheirNames() {
        assertThat(EventTypes.of("MODIFICATION_APPLIED")).isEqualTo("orderflow.modification.applied");
        assertThat(EventTypes.of("CREDIT_NOTE_ISSUED")).isEqualTo("orderflow.credit-note.issued");
        assertThat(EventTypes.of("SOME_NEW_ACTION")).isEqualTo("orderflow.some.new-action");
        assertThat(EventTypes.isSubscribable("orderflow.order.closed")).isTrue();
        assertThat(EventTypes.isSubscribable("*")).isTrue();
        assertThat(EventTypes.isSubscribable("order.closed")).isFalse();
    }
}
