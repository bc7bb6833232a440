import { BIDI_CONTROLS } from '../text/text';

/** Every ASCII punctuation character: CommonMark lets a backslash make any of them literal. */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;
const CONTROLS_AND_SPACE = /[\u0000-\u001f\u007f\s]+/g;

/**
 * Text as Markdown that shows exactly that text, on one line: nothing in it can become a link, an autolink
 * (`https://…`, `www.…`, `a@b.c`), an image, HTML, an entity, a theme icon, emphasis, a heading, a list or code.
 *
 * Escaping every ASCII punctuation character (CommonMark §2.4) is simpler to trust than escaping only today's
 * syntax: `www\.x\.com` and `https\://x` are no longer autolinks, `\<b>` is text, `\&amp;` shows `&amp;`.
 * Line breaks and runs of white space become one space (so no indentation turns into a code block) and
 * characters that reverse the reading direction are dropped.
 */
export function markdownText(text: string): string {
  return text.replace(BIDI_CONTROLS, '').replace(CONTROLS_AND_SPACE, ' ').trim().replace(ASCII_PUNCTUATION, '\\$&');
}

/**
 * A Markdown link that runs a command: `[title](command:id?args)`. Only a host that lists `command` in
 * `isTrusted.enabledCommands` runs it. The arguments are JSON, percent-encoded to the last parenthesis and quote, so
 * they cannot end the link early whatever the strings in them hold.
 */
export function commandLink(title: string, command: string, args: readonly unknown[]): string {
  const query = encodeURIComponent(JSON.stringify(args)).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `[${markdownText(title)}](command:${command}?${query})`;
}
