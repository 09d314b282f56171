package com.orderflow.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldif.LDIFException;

/**
 * An in-memory LDAP directory laid out as OpenLDAP's usual one (inetOrgPerson users under ou=people,
 * groupOfNames groups under ou=groups), whose group names are the company's, not orderflow's ids.
 */
final class TestDirectory implements AutoCloseable {

    static final String BASE_DN = "dc=orderflow,dc=test";
    static final String MANAGER_DN = "cn=orderflow-reader," + BASE_DN;
    static final String MANAGER_PASSWORD = "reader-secret";

    /** A person in the directory; the password is never the user id, so a sign-in really binds. */
    record Person(String uid, String givenName, String sn, String language) {

        String password() {
            return "pw-" + uid + "-7";
        }

        String mail() {
            return uid + "@corp.test";
        }

        String dn() {
            return "uid=" + uid + ",ou=people," + BASE_DN;
        }
    }

    static final Person REP = new Person("li.na", "Na", "Li", "en");
    static final Person OTHER_REP = new Person("sam.reed", "Sam", "Reed", "en");
    static final Person MANAGER = new Person("mei.chen", "Mei", "Chen", "zh-CN");
    static final Person ADMIN = new Person("ada.root", "Ada", "Root", "en");
    /** In the directory group {@code sales}, which is not mapped: a name alone grants nothing. */
    static final Person OUTSIDER = new Person("olaf.out", "Olaf", "Out", "en");

    static final String SALES_GROUP = "Sales Reps";
    static final String MANAGERS_GROUP = "Sales Managers";
    static final String ADMINS_GROUP = "Orderflow Admins";

    private static final String LISTENER = "ldap";

    private final InMemoryDirectoryServer server;

    private TestDirectory(InMemoryDirectoryServer server) {
        this.server = server;
    }

    static TestDirectory start() throws LDAPException, LDIFException {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
        config.addAdditionalBindCredentials(MANAGER_DN, MANAGER_PASSWORD);
        // A fixed port, so that the directory can go away and come back where the app looks for it.
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig(LISTENER, freePort()));
        InMemoryDirectoryServer server = new InMemoryDirectoryServer(config);
        server.add("dn: " + BASE_DN, "objectClass: top", "objectClass: domain", "dc: orderflow");
        server.add("dn: ou=people," + BASE_DN, "objectClass: organizationalUnit", "ou: people");
        server.add("dn: ou=groups," + BASE_DN, "objectClass: organizationalUnit", "ou: groups");
        for (Person person : new Person[] { REP, OTHER_REP, MANAGER, ADMIN, OUTSIDER }) {
            server.add("dn: " + person.dn(), "objectClass: inetOrgPerson", "uid: " + person.uid(),
                    "cn: " + person.givenName() + " " + person.sn(), "givenName: " + person.givenName(),
                    "sn: " + person.sn(), "mail: " + person.mail(), "preferredLanguage: " + person.language(),
                    "userPassword: " + person.password());
        }
        group(server, SALES_GROUP, REP, OTHER_REP);
        group(server, MANAGERS_GROUP, MANAGER);
        group(server, ADMINS_GROUP, ADMIN);
        group(server, "sales", OUTSIDER);
        server.startListening();
        return new TestDirectory(server);
    }

    private static void group(InMemoryDirectoryServer server, String cn, Person... members)
            throws LDAPException, LDIFException {
        String[] entry = new String[3 + members.length];
        entry[0] = "dn: cn=" + cn + ",ou=groups," + BASE_DN;
        entry[1] = "objectClass: groupOfNames";
        entry[2] = "cn: " + cn;
        for (int i = 0; i < members.length; i++) {
            entry[3 + i] = "member: " + members[i].dn();
        }
        server.add(entry);
    }

    String url() {
        return "ldap://localhost:" + server.getListenPort() + "/";
    }

    /** The directory goes down (its data kept) and open connections are cut. */
    void stopListening() {
        server.shutDown(LISTENER, true);
    }

    void startListening() throws LDAPException {
        server.startListening(LISTENER);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
