package com.orderflow.webhook;

/** What one attempt got: a status code, or the error that stopped it before there was one. */
record SendOutcome(Integer statusCode, String error) {

    static SendOutcome answered(int statusCode) {
        return new SendOutcome(statusCode, statusCode / 100 == 2 ? null : "HTTP " + statusCode);
    }

    static SendOutcome failed(String error) {
        return new SendOutcome(null, error.length() > 500 ? error.substring(0, 500) : error);
    }

    boolean delivered() {
        return statusCode != null && statusCode / 100 == 2;
    }

    /** The subscriber says the event itself is wrong: trying again will not help, unlike 408, 429 and 5xx. */
    boolean refused() {
        return statusCode != null && statusCode / 100 == 4 && statusCode != 408 && statusCode != 429;
    }
}
