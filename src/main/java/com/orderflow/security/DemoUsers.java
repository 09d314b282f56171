package com.orderflow.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.orderflow.shared.Actor;

/**
 * The demo users of the embedded default (password = user id), each in one of orderflow's groups
 * (which {@link GroupPermissions} makes in every profile, with their authorizations). Idempotent:
 * existing users are left alone.
 */
@Component
@Order(2)
@ConditionalOnProperty(name = "orderflow.demo.enabled", havingValue = "true")
class DemoUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    /** {@code locale} is the language of the user's emails (Camunda user info). */
    private record DemoUser(String id, String firstName, String lastName, String group, String locale) {
    }

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("sales1", "Li", "Wei", Actor.SALES, "zh-CN"),
            new DemoUser("sales2", "Anna", "Schmidt", Actor.SALES, "en"),
            new DemoUser("manager1", "Zhang", "Min", Actor.SALES_MANAGERS, "zh-CN"),
            new DemoUser("finance1", "Maria", "Rossi", Actor.FINANCE, "en"),
            new DemoUser("legal1", "Chen", "Jing", Actor.LEGAL, "zh-CN"),
            new DemoUser("delivery1", "Tom", "Berg", GroupPermissions.DELIVERY, "en"),
            new DemoUser("admin", "Orderflow", "Admin", Actor.ADMINS, "en"),
            new DemoUser("monitor1", "Mona", "Watts", GroupPermissions.MONITORING, "en"));

    private final IdentityService identity;

    DemoUsers(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (identity.isReadOnly()) {
            // Users from a directory (profile ldap): nothing can be written there, and no demo user belongs there.
            log.warn("orderflow.demo.enabled is on, but the users come from a read-only directory: no demo users");
            return;
        }
        USERS.forEach(this::ensureUser);
        log.info("Demo users ready: {}", USERS.stream().map(DemoUser::id).toList());
    }

    private void ensureUser(DemoUser demo) {
        if (identity.createUserQuery().userId(demo.id()).count() == 0) {
            User user = identity.newUser(demo.id());
            user.setFirstName(demo.firstName());
            user.setLastName(demo.lastName());
            user.setEmail(demo.id() + "@orderflow.local");
            user.setPassword(demo.id());
            identity.saveUser(user);
        }
        if (identity.getUserInfo(demo.id(), "locale") == null) {
            identity.setUserInfo(demo.id(), "locale", demo.locale());
        }
        if (identity.createUserQuery().userId(demo.id()).memberOfGroup(demo.group()).count() == 0) {
            identity.createMembership(demo.id(), demo.group());
        }
    }
}
