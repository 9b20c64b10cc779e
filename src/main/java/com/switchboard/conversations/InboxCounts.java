package com.switchboard.conversations;

/** Open conversations that are the viewer's, nobody's, and anyone's: the counts beside the filters. */
public record InboxCounts(int mine, int unassigned, int everyone) {
}
