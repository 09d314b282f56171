package com.orderflow.order;

import com.orderflow.shared.Actor;

/**
 * A part of the order page that another feature owns (its requests, revisions, settlement, ...). The
 * feature implements this in its own web package, so the order page needs no import of the feature (which
 * imports {@code order}). Sections of one {@link Place} appear in their {@code @Order}.
 */
public interface OrderPageSection {

    /** Where on the page a section goes. */
    enum Place {
        /** Under the invoices and credit notes. */
        BILLING,
        /** After the deliveries, one section after the other. */
        HISTORY,
        /** In the grid at the foot of the page, before the emails. */
        RECORDS
    }

    /**
     * The order being shown: read inside the page's read transaction, after the order was found readable.
     * {@code from} and {@code to} are the page's revisions to compare ({@code ?from=&to=}), null when absent.
     */
    record PageRequest(OrderDetails order, Actor actor, Integer from, Integer to) {
    }

    Place place();

    /** The template holding a fragment {@code section(data)} that renders {@link #read}'s result. */
    String template();

    /** What the fragment shows, as plain records. */
    Object read(PageRequest request);
}
