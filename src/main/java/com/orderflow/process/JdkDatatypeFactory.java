package com.orderflow.process;

import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Names the JDK's {@link DatatypeFactory} before the engine starts. The engine creates one for every
 * timer and retry cycle it reads, and without a name the JAXP lookup scans every jar on the class path
 * through the ServiceLoader each time: about 2 % of the job executor's work. A factory the operator
 * names (the system property) is left alone.
 */
@Component
class JdkDatatypeFactory extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY) == null) {
            System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY,
                    DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        }
    }
}
