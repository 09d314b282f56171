package com.orderflow.notification;

import java.util.Locale;

/** Someone to mail, with the language their emails are written in. */
record Recipient(String userId, String email, Locale locale) {
}
