package com.orderflow.modification.web;

import java.util.List;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.orderflow.modification.ModificationService;
import com.orderflow.modification.ModificationViews.RequestView;
import com.orderflow.modification.RequestStatus;
import com.orderflow.order.OrderDetails;
import com.orderflow.order.OrderPageSection;
import com.orderflow.shared.Actor;

/** The order page's modification requests, with what their requester may do next. */
@Component
@Order(10)
class RequestsSection implements OrderPageSection {

    /** {@code revisable}: the requests the reader may revise and resubmit. */
    record Requests(List<RequestView> requests, List<Long> revisable) {
    }

    private final ModificationService modifications;

    RequestsSection(ModificationService modifications) {
        this.modifications = modifications;
    }

    @Override
    public Place place() {
        return Place.HISTORY;
    }

    @Override
    public String template() {
        return "portal/sections/requests";
    }

    @Override
    public Requests read(PageRequest page) {
        List<RequestView> requests = modifications.forOrder(page.order().id(), page.actor());
        List<Long> revisable = requests.stream().filter(r -> mayRevise(r, page.order(), page.actor()))
                .map(RequestView::id).toList();
        return new Requests(requests, revisable);
    }

    /** The requester (or an admin) of a request waiting for them, on an order they may still change. */
    static boolean mayRevise(RequestView request, OrderDetails order, Actor actor) {
        boolean waiting = request.status() == RequestStatus.REJECTED || request.status() == RequestStatus.CONFLICT;
        boolean own = request.requester().equals(actor.userId()) || actor.isMemberOf(Actor.ADMINS);
        return waiting && own && order.changeable();
    }
}
