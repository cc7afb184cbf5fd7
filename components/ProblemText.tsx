/** A problem in words, and its details (a template's errors, say) as a list under it. */
export function ProblemText({ text, details }: { text: string; details: readonly string[] }) {
  return (
    <>
      <p>{text}</p>
      {details.length > 0 && (
        <ul>
          {details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      )}
    </>
  );
}
