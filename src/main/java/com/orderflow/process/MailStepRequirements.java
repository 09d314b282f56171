package com.orderflow.process;

import java.util.List;

import org.springframework.stereotype.Component;

import com.orderflow.process.ProcessRequirement.Process;
import com.orderflow.process.ProcessRequirement.Variable;

/**
 * What the engine side of the mail step relies on in the processes folder: the {@code send-email} process that
 * {@link MailQueue} starts and the template variable it sets. Each feature declares its own processes.
 */
@Component
class MailStepRequirements implements ProcessRequirements {

    @Override
    public List<ProcessRequirement> requirements() {
        return List.of(new Process(MailQueue.SEND_EMAIL), new Variable(MailQueue.TEMPLATE));
    }
}
