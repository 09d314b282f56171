package com.orderflow.report;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;

/**
 * Writes text in Helvetica with STSong-Light for what Helvetica has no glyph for (Chinese). Used
 * instead of OpenPDF's FontSelector, which parses a TrueType fallback font each time one is created;
 * the base fonts here are loaded once and the class holds no per-call state, so it is thread-safe.
 */
final class PdfFonts {

    private static final BaseFont HELVETICA = base(BaseFont.HELVETICA);
    private static final BaseFont HELVETICA_BOLD = base(BaseFont.HELVETICA_BOLD);
    /** Null when the CJK font cannot be set up: Chinese characters are then left out, never the report. */
    private static final BaseFont CHINESE = chinese();

    private final Font latin;
    private final Font fallback;

    private PdfFonts(BaseFont latin, float size) {
        this.latin = new Font(latin, size);
        this.fallback = CHINESE == null ? null : new Font(CHINESE, size);
    }

    static PdfFonts regular(float size) {
        return new PdfFonts(HELVETICA, size);
    }

    static PdfFonts bold(float size) {
        return new PdfFonts(HELVETICA_BOLD, size);
    }

    /** The text as runs of one font each; characters no font can show are dropped. */
    Phrase phrase(String text) {
        Phrase phrase = new Phrase();
        StringBuilder run = new StringBuilder();
        Font runFont = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Font font = fontFor(c);
            if (font == null) {
                continue;
            }
            if (font != runFont && !run.isEmpty()) {
                phrase.add(new Chunk(run.toString(), runFont));
                run.setLength(0);
            }
            runFont = font;
            run.append(c);
        }
        if (!run.isEmpty()) {
            phrase.add(new Chunk(run.toString(), runFont));
        }
        return phrase;
    }

    private Font fontFor(char c) {
        if (c == '\n' || c == '\r' || latin.getBaseFont().charExists(c)) {
            return latin;
        }
        return fallback != null && fallback.getBaseFont().charExists(c) ? fallback : null;
    }

    private static BaseFont base(String name) {
        try {
            return BaseFont.createFont(name, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("Standard font " + name + " is missing", e));
        }
    }

    private static BaseFont chinese() {
        try {
            return BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
