import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';

type Common = { label: string; hint?: ReactNode; error?: string | undefined; testId?: string };

/** What the control of a field carries: its id, and its invalid state and descriptions for assistive tech. */
type ControlProps = {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  'data-testid': string | undefined;
};

/** The label, hint and error around one control, wired with aria-describedby. */
function FieldShell({ label, hint, error, testId, control }: Common & { control: (props: ControlProps) => ReactNode }) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id} className="label">
        {label}
      </label>
      {control({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
        'data-testid': testId,
      })}
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-err`} className="error-text" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** A labelled input with an optional hint and error. */
export function Field({ label, hint, error, testId, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  return <FieldShell {...{ label, hint, error, testId }} control={(props) => <input {...props} {...input} />} />;
}

export function TextArea({
  label,
  hint,
  error,
  testId,
  ...input
}: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <FieldShell {...{ label, hint, error, testId }} control={(props) => <textarea {...props} {...input} />} />;
}

export function SelectField({
  label,
  hint,
  error,
  testId,
  children,
  ...select
}: Common & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode }) {
  return (
    <FieldShell
      {...{ label, hint, error, testId }}
      control={(props) => (
        <select {...props} {...select}>
          {children}
        </select>
      )}
    />
  );
}
