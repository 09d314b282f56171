package com.orderflow.order;

import com.orderflow.shared.PreconditionFailedException;
import com.orderflow.shared.PreconditionRequiredException;

/** The order's optimistic-lock version as a strong ETag, "&lt;version&gt;". */
final class ETags {

    private ETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    static long requireVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException("Send If-Match with the ETag you last read to change an order");
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new PreconditionFailedException("If-Match " + ifMatch + " is not an ETag of this order");
        }
    }
}
