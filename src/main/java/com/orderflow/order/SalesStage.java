package com.orderflow.order;

public enum SalesStage {
    QUALIFIED, PROPOSAL, NEGOTIATION, WON, LOST
}
