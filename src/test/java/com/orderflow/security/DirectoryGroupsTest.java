package com.orderflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DirectoryGroupsTest {

    @Test
    void mapsDirectoryIdsWithoutCaseOntoOrderflowGroupsAndBack() {
        DirectoryGroups groups = DirectoryGroups.of(Map.of("sales", "Sales Reps", "sales-managers", "Sales Managers"));

        assertThat(groups.groupOf("sales reps")).contains("sales");
        assertThat(groups.groupOf("SALES MANAGERS")).contains("sales-managers");
        assertThat(groups.directoryIdOf("sales")).contains("Sales Reps");
        assertThat(groups.isMapped("sales-managers")).isTrue();
    }

    @Test
    void aDirectoryGroupNamedLikeAnOrderflowGroupIsNotThatGroupUnlessMapped() {
        DirectoryGroups groups = DirectoryGroups.of(Map.of("sales", "Sales Reps"));

        assertThat(groups.groupOf("sales")).isEmpty();
        assertThat(groups.groupOf("camunda-admin")).isEmpty();
        assertThat(groups.isMapped("finance")).isFalse();
        assertThat(groups.directoryIdOf("finance")).isEmpty();
    }

    @Test
    void refusesUnknownGroupsEmptyValuesAndTwoGroupsOnOneDirectoryGroup() {
        assertThatThrownBy(() -> DirectoryGroups.of(Map.of("sale", "Sales Reps")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an orderflow group");
        assertThatThrownBy(() -> DirectoryGroups.of(Map.of("legal", " ")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no directory group");
        assertThatThrownBy(() -> DirectoryGroups.of(Map.of("legal", "Office", "finance", "office")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both map to");
    }
}
