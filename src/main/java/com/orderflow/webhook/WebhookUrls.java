package com.orderflow.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.orderflow.shared.InvalidFieldException;

/**
 * Which URLs orderflow will POST to. A subscriber URL is a request orderflow's server makes on an
 * admin's word, so it must not reach what only the server can reach (SSRF): only http and https, and
 * no host that resolves to a loopback, private, link-local, unspecified or multicast address unless
 * {@code orderflow.webhooks.allow-private-addresses} is on (an intranet receiver, or tests). Checked
 * when a subscriber is registered and again before every attempt, as DNS may have changed since.
 */
@Component
class WebhookUrls {

    private final boolean allowPrivate;

    WebhookUrls(@Value("${orderflow.webhooks.allow-private-addresses:false}") boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** The URL, parsed; {@link InvalidFieldException} (400) says why one is refused. */
    URI check(String url) {
        URI uri = parse(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refused("must be an http or https URL");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw refused("must name a host, without user info or fragment");
        }
        if (!allowPrivate) {
            for (InetAddress address : resolve(uri.getHost())) {
                if (isInternal(address)) {
                    throw refused("must not point at a loopback, private or link-local address ("
                            + address.getHostAddress() + ")");
                }
            }
        }
        return uri;
    }

    static boolean isInternal(InetAddress address) {
        byte[] raw = address.getAddress();
        // IPv6 unique local addresses (fc00::/7) are private too, though Java's isSiteLocalAddress misses them.
        boolean uniqueLocal = raw.length == 16 && (raw[0] & 0xfe) == 0xfc;
        // 100.64.0.0/10 (carrier-grade NAT) is often a cloud's internal network.
        boolean sharedSpace = raw.length == 4 && (raw[0] & 0xff) == 100 && (raw[1] & 0xc0) == 64;
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress() || uniqueLocal || sharedSpace;
    }

    private static URI parse(String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw refused("is not a URL");
        }
    }

    private static InetAddress[] resolve(String host) {
        try {
            String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            return InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            throw refused("names a host that does not resolve");
        }
    }

    private static InvalidFieldException refused(String why) {
        return new InvalidFieldException("url", "url " + why);
    }
}
