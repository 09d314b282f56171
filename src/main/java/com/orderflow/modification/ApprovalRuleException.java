package com.orderflow.modification;

import com.orderflow.order.OrderStateException;

/** A decision or an approval that the request's rules do not allow (self-approval, a group not asked, …). */
class ApprovalRuleException extends OrderStateException {

    ApprovalRuleException(String message) {
        super(message);
    }
}
