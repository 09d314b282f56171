package com.orderflow.support;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Deploys a diagram (and the DMN and forms it uses) once for a whole test class on the shared
 * {@link ProcessTestEngine}, and removes it with everything it ran afterwards. Cheaper than
 * {@code @Deployment} per test; each test starts instances of its own and looks only at those. A diagram
 * that evaluates a bean when it is deployed (a timer start event's cycle) needs {@code @Deployment}
 * instead, so the test's beans are registered first.
 */
public final class ClassDeployment implements BeforeAllCallback, AfterAllCallback {

    private final String[] resources;
    private String deploymentId;

    private ClassDeployment(String[] resources) {
        this.resources = resources;
    }

    public static ClassDeployment of(String... resources) {
        return new ClassDeployment(resources);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        RepositoryService repository = ProcessTestEngine.engine().getRepositoryService();
        DeploymentBuilder deployment = repository.createDeployment()
                .name(context.getRequiredTestClass().getSimpleName());
        for (String resource : resources) {
            deployment.addClasspathResource(resource);
        }
        deploymentId = deployment.deploy().getId();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (deploymentId != null) {
            ProcessTestEngine.engine().getRepositoryService().deleteDeployment(deploymentId, true, true);
        }
    }
}
