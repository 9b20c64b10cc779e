package com.switchboard.conversations;

/** Open conversations that are the viewer's, nobody's, and anyone's: the counts beside the filters. */
public record InboxCounts(int mine, int unassigned, int everyone) {

    /** The count beside a list's filter; a teammate's list has none. */
    public Integer of(AssigneeFilter filter) {
        return switch (filter.kind()) {
            case ME -> mine;
            case UNASSIGNED -> unassigned;
            case ANYONE -> everyone;
            case USER -> null;
        };
    }
}
