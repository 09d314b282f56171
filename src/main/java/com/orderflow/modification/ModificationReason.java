package com.orderflow.modification;

/** Why a change is asked for; the label is what approvers read in Tasklist and emails. */
public enum ModificationReason {
    CUSTOMER_REQUIREMENT("客户需求 / Customer requirement"),
    PROCESS_CHANGE("流程变更 / Process change"),
    CONTRACT_CHANGE("合同变更 / Contract change"),
    CORRECTION("更正错误 / Correction"),
    RESTORE("恢复历史版本 / Restore a revision");

    private final String label;

    ModificationReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
