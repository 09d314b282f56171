package com.orderflow.process;

import java.util.Optional;
import java.util.Set;

/**
 * Who asked for the work a process instance does, read from orderflow's own tables through the link
 * stored when orderflow started the instance: never from the instance's variables, which a caller of
 * /engine-rest could write. Each feature that starts processes implements it for its instances.
 * <p>
 * Stays in process: the engine's guards (/engine-rest's task checks) ask it of any instance, and features plug in.
 */
public interface ProcessRequests {

    /** The requester of the instance's work, or empty when the instance is not one of this feature's. */
    Optional<String> requesterOf(String processInstanceId);

    /** The task ids of this feature's approvals, which the requester may neither take nor decide. */
    Set<String> approvalTasks();
}
