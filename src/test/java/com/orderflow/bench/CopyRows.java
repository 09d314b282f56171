package com.orderflow.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Loads generated rows with PostgreSQL's COPY (pgjdbc's CopyManager), in its text format, streamed
 * in chunks: a million orders with everything around them in minutes rather than the hours the API
 * would take. Each table is one COPY in one transaction.
 */
final class CopyRows {

    /** Writes the row with number n (0-based) through the given sink. */
    interface Generator {
        void row(long n, Row out);
    }

    /** One row being written: values in column order, then {@link #end()}. */
    static final class Row {

        private final StringBuilder text = new StringBuilder(1 << 16);
        private boolean first = true;

        Row value(Object value) {
            if (!first) {
                text.append('\t');
            }
            first = false;
            if (value == null) {
                text.append("\\N");
            } else {
                escape(value.toString());
            }
            return this;
        }

        void end() {
            text.append('\n');
            first = true;
        }

        private void escape(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(c);
                }
            }
        }
    }

    private final DataSource dataSource;

    CopyRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** COPY table (columns) of the rows 0..count-1 of the generator; returns the rows loaded. */
    long copy(String table, String columns, long count, Generator generator) {
        try (Connection connection = dataSource.getConnection()) {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + columns + ") from stdin");
            Row row = new Row();
            try {
                for (long n = 0; n < count; n++) {
                    generator.row(n, row);
                    if (row.text.length() > 1 << 20 || n == count - 1) {
                        byte[] bytes = row.text.toString().getBytes(StandardCharsets.UTF_8);
                        copy.writeToCopy(bytes, 0, bytes.length);
                        row.text.setLength(0);
                    }
                }
                return copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("COPY " + table + " failed", e);
        }
    }
}
