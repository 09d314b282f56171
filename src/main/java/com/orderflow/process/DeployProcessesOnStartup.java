package com.orderflow.process;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Deploys the processes folder before anything else runs; a file that does not parse stops start-up. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DeployProcessesOnStartup implements ApplicationRunner {

    private final ProcessDeployer deployer;
    private final ProcessesProperties properties;

    DeployProcessesOnStartup(ProcessDeployer deployer, ProcessesProperties properties) {
        this.deployer = deployer;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        deployer.deploy(properties.location());
    }
}
