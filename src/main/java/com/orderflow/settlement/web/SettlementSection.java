package com.orderflow.settlement.web;

import org.springframework.stereotype.Component;

import com.orderflow.order.OrderPageSection;
import com.orderflow.settlement.SettlementQueries;
import com.orderflow.settlement.SettlementViews.SettlementView;

/** The order's open settlement under its invoices, while finance has one to settle. */
@Component
class SettlementSection implements OrderPageSection {

    private final SettlementQueries settlements;

    SettlementSection(SettlementQueries settlements) {
        this.settlements = settlements;
    }

    @Override
    public Place place() {
        return Place.BILLING;
    }

    @Override
    public String template() {
        return "portal/sections/settlement";
    }

    /** The open settlement, or null when there is none. */
    @Override
    public SettlementView read(PageRequest page) {
        return settlements.forOrder(page.order().id(), page.actor()).stream()
                .filter(s -> "OPEN".equals(s.status())).findFirst().orElse(null);
    }
}
