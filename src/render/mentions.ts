// GitHub notifies every user and team a comment names with @ (`@octocat`, `@org/team`). Text from calendars
// and rules ends up in pull-request comments, so a title must not be able to ping anyone: the @ of a name is
// followed by a zero-width space, written as an entity, and the comment still shows "@octocat".

/** `@octocat` → `@&#8203;octocat` (for Markdown that GitHub renders; e-mail addresses are left alone). */
export const withoutMentions = (s: string): string => s.replace(/(^|[^A-Za-z0-9._%+-])@(?=[A-Za-z0-9])/g, '$1@&#8203;');
