package com.orderflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdkDatatypeFactoryTest {

    private String before;

    @BeforeEach
    void rememberTheProperty() {
        before = System.clearProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
    }

    @AfterEach
    void restoreTheProperty() {
        if (before == null) {
            System.clearProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY);
        } else {
            System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, before);
        }
    }

    @Test
    void theEngineGetsTheJdkFactoryWithoutAServiceLoaderScan() throws Exception {
        new JdkDatatypeFactory().preInit(new StandaloneInMemProcessEngineConfiguration());

        assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY))
                .isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
        assertThat(DatatypeFactory.newInstance().getClass().getName())
                .isEqualTo(DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS);
    }

    @Test
    void aFactoryTheOperatorNamedIsKept() {
        System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY, "com.example.OperatorsFactory");

        new JdkDatatypeFactory().preInit(new StandaloneInMemProcessEngineConfiguration());

        assertThat(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY))
                .isEqualTo("com.example.OperatorsFactory");
    }
}
